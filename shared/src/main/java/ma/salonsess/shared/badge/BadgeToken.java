package ma.salonsess.shared.badge;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ma.salonsess.shared.config.SecretVersions;
import ma.salonsess.shared.registration.Role;

/**
 * What a badge's QR code holds, no name, email or phone:
 * {@code SE3.<keyId>.<registrationId>.<role letter>.<Ed25519 signature>}. Each fair has its own
 * Ed25519 key pair, so a scanner that holds only the fair's public key tells a genuine badge of this
 * fair, and its role, offline, without holding anything that could forge one. The fair is signed
 * but not written: the scanner knows which fair it stands at, and the code stays small.
 *
 * <p>The key pairs are derived from the badge secret (the private seed is
 * HMAC-SHA256(secret, "ed25519\n" + fairId)), so there is no key store to keep: the same secret
 * gives the same keys on every container. Given several secrets (the current one first, then
 * previous ones), codes are signed with the first and verified with any, so rotating the secret
 * leaves badges already printed valid; {@code keyId} names the public key that signed a code.
 *
 * <p>Codes printed before, {@code SE2.<registrationId>.<role letter>.<HMAC>}, still verify here
 * (online), under any of the secrets; scanners cannot check them offline. The first secret also
 * names badge files in the bucket, so their keys say nothing either.
 *
 * <p>The secret rotates ({@link SecretVersions}): tokens are issued under the current value and
 * verify under the current or the previous one, so badges printed before a rotation still pass.
 */
public final class BadgeToken {
    private static final String PREFIX = "SE3";
    private static final Pattern SE3 = Pattern.compile(
            "SE3\\.([A-Za-z0-9_-]{8})\\.([0-9a-f-]{36})\\.([A-Z])\\.([A-Za-z0-9_-]{86})");
    private static final Pattern SE2 = Pattern.compile("SE2\\.([0-9a-f-]{36})\\.([A-Z])\\.([A-Za-z0-9_-]{22})");
    /** DER prefix of an X.509 Ed25519 public key: the raw 32 bytes follow it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private final List<byte[]> secrets;
    /** Key pairs per fair, derived once per container (deriving costs about a signature). */
    private final Map<String, List<FairKey>> keys = new ConcurrentHashMap<>();

    /** Whose badge a genuine token is, and the role its band must show. */
    public record Holder(String registrationId, Role role) {
    }

    /** A fair's public key as a scanner gets it: raw 32 bytes, base64url, and its short id. */
    public record PublicKeyView(String keyId, String publicKey) {
    }

    private record FairKey(String keyId, byte[] raw, PrivateKey privateKey, PublicKey publicKey) {
    }

    public BadgeToken(String secret) {
        this(List.of(secret));
    }

    /** The secret's current value signs; the previous one, while Secrets Manager keeps it, still verifies. */
    public BadgeToken(SecretVersions versions) {
        this(versions.all());
    }

    /** @param secrets the current badge secret first, then previous ones still trusted */
    public BadgeToken(List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("At least one badge secret is needed");
        }
        for (String secret : secrets) {
            if (secret.length() < 32) {
                throw new IllegalArgumentException("The badge secret must be at least 32 characters");
            }
        }
        this.secrets = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** A new badge code, signed with the fair's current key. */
    public String issue(String fairId, String registrationId, Role role) {
        String letter = letter(role);
        FairKey key = keysOf(fairId).get(0);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.privateKey());
            signer.update(signedText(fairId, registrationId, letter));
            return PREFIX + "." + key.keyId() + "." + registrationId + "." + letter + "."
                    + BASE64URL.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A code as badges were printed before the Ed25519 change; only to test that they still verify. */
    public String issueLegacy(String fairId, String registrationId, Role role) {
        String letter = letter(role);
        return "SE2." + registrationId + "." + letter + "." + mac(secrets.get(0), fairId, registrationId, letter);
    }

    /** The holder of a genuine token of this fair; empty for a forged, altered, unknown or other fair's one. */
    public Optional<Holder> verify(String fairId, String token) {
        if (token == null) {
            return Optional.empty();
        }
        var se3 = SE3.matcher(token);
        if (se3.matches()) {
            return verifySigned(fairId, se3.group(1), se3.group(2), se3.group(3), se3.group(4));
        }
        var se2 = SE2.matcher(token);
        if (!se2.matches()) {
            return Optional.empty();
        }
        Optional<Role> role = role(se2.group(2));
        byte[] given = se2.group(3).getBytes(StandardCharsets.US_ASCII);
        boolean genuine = role.isPresent() && secrets.stream().anyMatch(secret -> MessageDigest.isEqual(
                mac(secret, fairId, se2.group(1), se2.group(2)).getBytes(StandardCharsets.US_ASCII), given));
        return genuine ? Optional.of(new Holder(se2.group(1), role.get())) : Optional.empty();
    }

    /** The fair's public keys, current first: what a scanner verifies codes with. */
    public List<PublicKeyView> publicKeys(String fairId) {
        return keysOf(fairId).stream().map(k -> new PublicKeyView(k.keyId(), BASE64URL.encodeToString(k.raw())))
                .toList();
    }

    /**
     * How a revoked badge is listed for scanners: the first 12 bytes of
     * SHA-256("badge3-revoked\n" + fairId + "\n" + registrationId), base64url (16 characters). The
     * scanner computes it from the code it reads; the list itself names no registration.
     */
    public static String fingerprint(String fairId, String registrationId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    ("badge3-revoked\n" + fairId + "\n" + registrationId).getBytes(StandardCharsets.UTF_8));
            return BASE64URL.encodeToString(Arrays.copyOf(digest, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The documented recipe of {@link #fingerprint}, for the scanner kit. */
    public static final String FINGERPRINT_RECIPE = "base64url(first 12 bytes of SHA-256(UTF-8 \"badge3-revoked\\n\" "
            + "+ fairId + \"\\n\" + registrationId)), no padding";

    /** Where a registration's badge is stored: the same key every time, telling nothing of whose it is. */
    public String objectKey(String fairId, String registrationId) {
        return objectKey(secrets.get(0), fairId, registrationId);
    }

    /** Where the badge may be under each accepted secret: erasing deletes them all. */
    public List<String> objectKeys(String fairId, String registrationId) {
        return secrets.stream().map(secret -> objectKey(secret, fairId, registrationId)).toList();
    }

    private static String objectKey(byte[] secret, String fairId, String registrationId) {
        byte[] digest = hmac(secret, "object\n" + fairId + "\n" + registrationId);
        return "badges/" + fairId + "/" + HexFormat.of().formatHex(digest, 0, 16) + ".pdf";
    }

    private Optional<Holder> verifySigned(String fairId, String keyId, String registrationId, String letter,
                                          String signature) {
        Optional<Role> role = role(letter);
        Optional<FairKey> key = keysOf(fairId).stream().filter(k -> k.keyId().equals(keyId)).findFirst();
        if (role.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] sig = Base64.getUrlDecoder().decode(signature);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key.get().publicKey());
            verifier.update(signedText(fairId, registrationId, letter));
            return verifier.verify(sig) ? Optional.of(new Holder(registrationId, role.get())) : Optional.empty();
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty(); // not base64url, or not a signature at all: not a badge
        }
    }

    private static byte[] signedText(String fairId, String registrationId, String letter) {
        return ("badge3\n" + fairId + "\n" + registrationId + "\n" + letter).getBytes(StandardCharsets.UTF_8);
    }

    private List<FairKey> keysOf(String fairId) {
        return keys.computeIfAbsent(fairId, id -> {
            List<FairKey> derived = new ArrayList<>();
            for (byte[] secret : secrets) {
                derived.add(derive(hmac(secret, "ed25519\n" + id)));
            }
            return List.copyOf(derived);
        });
    }

    /** The Ed25519 key pair whose private key is {@code seed} (RFC 8032: the seed is the private key). */
    private static FairKey derive(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            PublicKey publicKey = generator.generateKeyPair().getPublic();
            byte[] encoded = publicKey.getEncoded();
            byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            byte[] id = MessageDigest.getInstance("SHA-256").digest(raw);
            return new FairKey(BASE64URL.encodeToString(Arrays.copyOf(id, 6)), raw, privateKey, publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw public key of a seed: RFC 8032's test vectors check the derivation. */
    static byte[] rawPublicKeyOf(byte[] seed) {
        return derive(seed).raw().clone();
    }

    /** A public key from its raw 32 bytes, as a scanner would rebuild it. */
    static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    /** Hands the key pair generator the seed as its "random" private key. */
    private static final class SeedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("An Ed25519 seed is " + seed.length + " bytes, not " + bytes.length);
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }

    private static Optional<Role> role(String letter) {
        return Arrays.stream(Role.values()).filter(r -> letter(r).equals(letter)).findFirst();
    }

    /** One letter per role keeps the QR code small; a switch so that a new role must get its own. */
    public static String letter(Role role) {
        return switch (role) {
            case VISITOR -> "V";
            case EXHIBITOR -> "E";
            case PARTICIPANT -> "P";
            case SPEAKER -> "S";
            case PRESS -> "M"; // media
        };
    }

    private static String mac(byte[] secret, String fairId, String registrationId, String roleLetter) {
        byte[] full = hmac(secret, "badge2\n" + fairId + "\n" + registrationId + "\n" + roleLetter);
        return BASE64URL.encodeToString(Arrays.copyOf(full, 16));
    }

    private static byte[] hmac(byte[] secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
