package id.neraca.ingest.ids;

import id.neraca.core.NeracaException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The keyed hash that replaces seller IDs: lowercase hex HMAC-SHA256(key, {@code <type>:<canonical id>})
 * (docs/CONTRACTS.md). The key comes from {@code NERACA_SELLER_KEY} or the file named by
 * {@code NERACA_SELLER_KEY_FILE}; the public demo key only with {@code --demo-key} or for the bundled samples.
 */
public final class SellerKeys implements Serializable {
    public static final String ENV_KEY = "NERACA_SELLER_KEY";
    public static final String ENV_KEY_FILE = "NERACA_SELLER_KEY_FILE";
    /** Public, so hashes made with it protect nothing: for the bundled samples and throwaway runs only. */
    public static final String DEMO_KEY = "neraca-public-demo-key-NOT-SECRET";
    public static final int MIN_KEY_BYTES = 16;

    private final byte[] key;
    private final boolean demo;
    private transient Mac mac;

    private SellerKeys(byte[] key, boolean demo) {
        this.key = key;
        this.demo = demo;
    }

    public static SellerKeys of(String key) {
        return new SellerKeys(key.getBytes(StandardCharsets.UTF_8), false);
    }

    public boolean demo() {
        return demo;
    }

    /**
     * Picks the key. {@code demoAllowed}: --demo-key was given or --dumps is the bundled samples folder.
     * Without a key and without demo permission this is a usage error (exit 2) that says how to set one.
     */
    public static SellerKeys resolve(Map<String, String> env, boolean demoAllowed) {
        String k = env.get(ENV_KEY);
        if (k != null && !k.isBlank()) return checked(k.strip(), ENV_KEY);
        String f = env.get(ENV_KEY_FILE);
        if (f != null && !f.isBlank()) {
            try {
                return checked(Files.readString(Path.of(f)).strip(), ENV_KEY_FILE + " (" + f + ")");
            } catch (IOException e) {
                throw NeracaException.usage("%s=%s: cannot read the seller key file: %s. Point it at a readable file "
                        + "holding the key (kept outside git).", ENV_KEY_FILE, f, e.getMessage());
            }
        }
        if (demoAllowed) return new SellerKeys(DEMO_KEY.getBytes(StandardCharsets.UTF_8), true);
        throw NeracaException.usage("no seller key: seller IDs are personal data (UU 27/2022) and are replaced by a keyed "
                + "hash. Set %s to a secret of at least %d characters, or %s to a file holding it (outside git). "
                + "For a throwaway run on public data, pass --demo-key.", ENV_KEY, MIN_KEY_BYTES, ENV_KEY_FILE);
    }

    private static SellerKeys checked(String k, String where) {
        byte[] b = k.getBytes(StandardCharsets.UTF_8);
        if (b.length < MIN_KEY_BYTES) {
            throw NeracaException.usage("%s: the seller key is %d bytes; use at least %d (a long random secret).",
                    where, b.length, MIN_KEY_BYTES);
        }
        return new SellerKeys(b, false);
    }

    /** Lowercase hex HMAC-SHA256 of {@code message}. Not thread-safe: one instance per task. */
    public String hmac(String message) {
        try {
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
            }
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh copy for one task (the Mac inside is not thread-safe). */
    public SellerKeys copy() {
        return new SellerKeys(key, demo);
    }
}
