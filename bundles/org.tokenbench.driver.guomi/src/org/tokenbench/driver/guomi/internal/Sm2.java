package org.tokenbench.driver.guomi.internal;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;

/** SM2 arithmetic done independently of the key, in Java with Bouncy Castle, to check what the key returns. */
public final class Sm2 {

    /** GM/T 0009's default signer ID, which keys and consoles use unless configured otherwise. */
    public static final byte[] DEFAULT_ID = "1234567812345678".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE);

    private Sm2() {
    }

    /** The point, or an exception when (x, y) is not on the SM2 curve. */
    public static ECPublicKeyParameters publicKey(byte[] x, byte[] y) {
        ECPoint point = CURVE.getCurve().createPoint(new java.math.BigInteger(1, x), new java.math.BigInteger(1, y));
        if (!point.isValid()) {
            throw new IllegalArgumentException("the point is not on the SM2 curve");
        }
        return new ECPublicKeyParameters(point, DOMAIN);
    }

    /** SM3(Z ‖ M) with Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA), GM/T 0003.2 §5.5. */
    public static byte[] hashWithZ(byte[] x, byte[] y, byte[] id, byte[] message) {
        SM3Digest sm3 = new SM3Digest();
        int bits = id.length * 8;
        sm3.update((byte) (bits >> 8));
        sm3.update((byte) bits);
        sm3.update(id, 0, id.length);
        update(sm3, CURVE.getCurve().getA().getEncoded());
        update(sm3, CURVE.getCurve().getB().getEncoded());
        update(sm3, CURVE.getG().getAffineXCoord().getEncoded());
        update(sm3, CURVE.getG().getAffineYCoord().getEncoded());
        update(sm3, x);
        update(sm3, y);
        byte[] z = new byte[32];
        sm3.doFinal(z, 0);
        SM3Digest outer = new SM3Digest();
        outer.update(z, 0, z.length);
        outer.update(message, 0, message.length);
        byte[] hash = new byte[32];
        outer.doFinal(hash, 0);
        return hash;
    }

    /** Verifies r‖s (32 + 32 bytes) over {@code message} with {@code id}, as a relying party would. */
    public static boolean verify(ECPublicKeyParameters key, byte[] id, byte[] message, byte[] rs) {
        SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE);
        signer.init(false, new ParametersWithID(key, id));
        signer.update(message, 0, message.length);
        return signer.verifySignature(rs);
    }

    /** r‖s (32 + 32 bytes) as the DER SEQUENCE of two INTEGERs that X.509 and CMS carry. */
    public static byte[] toDer(byte[] rs) {
        try {
            return org.bouncycastle.crypto.signers.StandardDSAEncoding.INSTANCE.encode(CURVE.getN(), new java.math.BigInteger(1,
                    java.util.Arrays.copyOfRange(rs, 0, 32)), new java.math.BigInteger(1, java.util.Arrays.copyOfRange(rs, 32, 64)));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("r or s is out of range for SM2", e);
        }
    }

    private static void update(SM3Digest digest, byte[] bytes) {
        digest.update(bytes, 0, bytes.length);
    }
}
