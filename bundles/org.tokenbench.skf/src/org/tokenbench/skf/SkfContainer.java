package org.tokenbench.skf;

import java.util.Optional;

import org.tokenbench.skf.internal.EccSignatureBlob;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/** An opened key container: its type, certificates, public key, and signatures. */
public final class SkfContainer implements AutoCloseable {

    public static final int TYPE_RSA = 1;
    public static final int TYPE_ECC = 2;
    private static final long SAR_CERTNOTFOUNTERR = 0x0A00001CL;
    private static final long SAR_FILE_NOT_EXIST = 0x0A000031L;

    private final SkfApplication application;
    private final String name;
    private Pointer handle;

    SkfContainer(SkfApplication application, String name, Pointer handle) {
        this.application = application;
        this.name = name;
        this.handle = handle;
    }

    public String name() {
        return name;
    }

    /** 1 RSA, 2 ECC (SM2), 0 empty. */
    public int type() throws SkfException {
        IntByReference type = new IntByReference();
        SkfLibrary.check("SKF_GetContainerType", application.device().api().SKF_GetContainerType(handle(), type),
                "reading the type of container " + name);
        return type.getValue();
    }

    /** The signing ({@code sign}) or encryption certificate as DER, or empty when the container holds none. */
    public Optional<byte[]> certificate(boolean sign) throws SkfException {
        try {
            return Optional.of(SkfLibrary.readBuffer("SKF_ExportCertificate",
                    (buffer, size) -> application.device().api().SKF_ExportCertificate(handle(), sign ? 1 : 0, buffer, size)));
        } catch (SkfException e) {
            if (e.isSkf(SAR_CERTNOTFOUNTERR) || e.isSkf(SAR_FILE_NOT_EXIST)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The 132-byte ECCPUBLICKEYBLOB of the signing or encryption key, checked to be a 256-bit key. */
    public byte[] publicKeyBlob(boolean sign) throws SkfException {
        byte[] blob = SkfLibrary.readBuffer("SKF_ExportPublicKey",
                (buffer, size) -> application.device().api().SKF_ExportPublicKey(handle(), sign ? 1 : 0, buffer, size));
        if (blob.length != 132) {
            throw new SkfException(SkfProblem.MALFORMED_ANSWER, "SKF_ExportPublicKey returned " + blob.length
                    + " bytes; an ECCPUBLICKEYBLOB has 132");
        }
        int bits = (blob[0] & 0xFF) | (blob[1] & 0xFF) << 8 | (blob[2] & 0xFF) << 16 | (blob[3] & 0xFF) << 24;
        if (bits != 256) {
            throw new SkfException(SkfProblem.MALFORMED_ANSWER, "SKF_ExportPublicKey reported a " + Integer.toUnsignedString(bits)
                    + "-bit key; SM2 keys have 256 bits");
        }
        return blob;
    }

    /** Signs a 32-byte SM3(Z‖M) hash; returns r‖s as 32 + 32 bytes. Needs the user PIN verified. */
    public byte[] sign(byte[] hash) throws SkfException {
        if (hash.length != 32) {
            throw new IllegalArgumentException("an SM2 signature is made over a 32-byte SM3 hash, not " + hash.length + " bytes");
        }
        EccSignatureBlob signature = new EccSignatureBlob();
        SkfLibrary.check("SKF_ECCSignData", application.device().api().SKF_ECCSignData(handle(), hash, hash.length, signature),
                "signing with the key in container " + name);
        signature.read();
        for (int i = 0; i < 32; i++) {
            if (signature.r[i] != 0 || signature.s[i] != 0) {
                throw new SkfException(SkfProblem.MALFORMED_ANSWER, "SKF_ECCSignData returned r or s wider than 256 bits");
            }
        }
        byte[] rs = new byte[64];
        System.arraycopy(signature.r, 32, rs, 0, 32);
        System.arraycopy(signature.s, 32, rs, 32, 32);
        return rs;
    }

    Pointer handle() {
        if (handle == null) {
            throw new IllegalStateException("container " + name + " is closed");
        }
        return handle;
    }

    @Override
    public void close() {
        if (handle != null) {
            application.device().api().SKF_CloseContainer(handle);
            handle = null;
        }
    }
}
