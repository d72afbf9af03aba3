package sa.qayd.command.account;

import java.nio.charset.StandardCharsets;
import sa.qayd.command.web.FieldErrors;

/** What a dashboard password may be: long enough to resist guessing, short enough for bcrypt. */
public final class Passwords {
    static final int MIN_LENGTH = 10;
    /** bcrypt reads no more than this; Spring's encoder refuses longer passwords rather than ignoring the rest. */
    private static final int MAX_BYTES = 72;

    private Passwords() {
    }

    static void check(FieldErrors errors, String field, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            errors.add(field, "must be at least " + MIN_LENGTH + " characters");
        } else if (errors.text(field, password, true, MAX_BYTES) && !fitsBcrypt(password)) {
            errors.add(field, "must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
    }

    /** A longer password was never accepted at sign-up, so at log-in it is simply wrong. */
    public static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
