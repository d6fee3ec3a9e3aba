package org.tokenbench.skf.internal;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The GM/T 0016 SKF functions TokenBench calls, as a vendor's shared library exports them. ULONG and BOOL are
 * 32-bit; handles are opaque pointers; names are byte strings in the vendor's encoding, so they are passed as
 * the exact bytes the library listed. PINs go through {@link Pointer}s to native memory TokenBench clears itself.
 */
public interface SkfApi extends Library {

    /** Every function above, by export name: the checklist's "exports the required functions" step. */
    String[] REQUIRED = {"SKF_EnumDev", "SKF_ConnectDev", "SKF_DisConnectDev", "SKF_GetDevInfo", "SKF_GenRandom",
        "SKF_EnumApplication", "SKF_OpenApplication", "SKF_CloseApplication", "SKF_GetPINInfo", "SKF_VerifyPIN",
        "SKF_ChangePIN", "SKF_ClearSecureState", "SKF_EnumContainer", "SKF_OpenContainer", "SKF_CloseContainer",
        "SKF_GetContainerType", "SKF_ExportCertificate", "SKF_ExportPublicKey", "SKF_DigestInit", "SKF_Digest",
        "SKF_CloseHandle", "SKF_ECCSignData"};

    /** Called only when exported: plug events, and locking a key against other programs. */
    String[] OPTIONAL = {"SKF_WaitForDevEvent", "SKF_CancelWaitForDevEvent", "SKF_LockDev", "SKF_UnlockDev"};

    int SKF_EnumDev(int present, byte[] nameList, IntByReference size);

    int SKF_ConnectDev(byte[] name, PointerByReference device);

    int SKF_DisConnectDev(Pointer device);

    /** {@code info}: a buffer larger than DEVINFO, see SkfDevice#info. */
    int SKF_GetDevInfo(Pointer device, Pointer info);

    int SKF_WaitForDevEvent(byte[] name, IntByReference nameLength, IntByReference event);

    int SKF_CancelWaitForDevEvent();

    int SKF_LockDev(Pointer device, int timeoutMillis);

    int SKF_UnlockDev(Pointer device);

    int SKF_GenRandom(Pointer device, byte[] random, int length);

    int SKF_EnumApplication(Pointer device, byte[] nameList, IntByReference size);

    int SKF_OpenApplication(Pointer device, byte[] name, PointerByReference application);

    int SKF_CloseApplication(Pointer application);

    int SKF_GetPINInfo(Pointer application, int pinType, IntByReference maxRetries, IntByReference remainingRetries,
            IntByReference isDefault);

    int SKF_VerifyPIN(Pointer application, int pinType, Pointer pin, IntByReference retries);

    int SKF_ChangePIN(Pointer application, int pinType, Pointer oldPin, Pointer newPin, IntByReference retries);

    int SKF_ClearSecureState(Pointer application);

    int SKF_EnumContainer(Pointer application, byte[] nameList, IntByReference size);

    int SKF_OpenContainer(Pointer application, byte[] name, PointerByReference container);

    int SKF_CloseContainer(Pointer container);

    int SKF_GetContainerType(Pointer container, IntByReference type);

    int SKF_ExportCertificate(Pointer container, int signFlag, byte[] certificate, IntByReference length);

    int SKF_ExportPublicKey(Pointer container, int signFlag, byte[] blob, IntByReference length);

    int SKF_DigestInit(Pointer device, int algorithm, EccPublicKeyBlob publicKey, byte[] id, int idLength, PointerByReference hash);

    int SKF_Digest(Pointer hash, byte[] data, int dataLength, byte[] digest, IntByReference digestLength);

    int SKF_CloseHandle(Pointer handle);

    int SKF_ECCSignData(Pointer container, byte[] digest, int digestLength, EccSignatureBlob signature);
}
