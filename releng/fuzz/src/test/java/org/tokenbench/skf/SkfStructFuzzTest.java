package org.tokenbench.skf;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.sun.jna.Memory;
import org.tokenbench.skf.internal.DevInfoStruct;
import org.tokenbench.skf.internal.EccPublicKeyBlob;
import org.tokenbench.skf.internal.NameList;

/** What a vendor's SKF library writes into our buffers: name lists, DEVINFO, ECC public key blobs. */
class SkfStructFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void structs(FuzzedDataProvider data) {
        int claimedLength = data.consumeInt(-4, 600);
        byte[] buffer = data.consumeRemainingAsBytes();
        var names = NameList.parse(buffer, claimedLength);
        if (names != null) {
            names.forEach(NameList::display);
        }
        try (Memory memory = new Memory(DevInfoStruct.ALIGNED_SIZE)) {
            memory.clear();
            memory.write(0, buffer, 0, Math.min(buffer.length, DevInfoStruct.ALIGNED_SIZE));
            DevInfoStruct struct = new DevInfoStruct(memory, claimedLength % 2 == 0);
            DeviceInfo info = DeviceInfo.of(struct);
            for (String text : new String[] {info.manufacturer(), info.issuer(), info.label(), info.serialNumber()}) {
                if (text.chars().anyMatch(c -> c < 0x20)) {
                    throw new AssertionError("control character reaches the terminal: " + text);
                }
            }
        }
        if (buffer.length >= EccPublicKeyBlob.SIZE) {
            EccPublicKeyBlob.of(buffer);
        }
    }
}
