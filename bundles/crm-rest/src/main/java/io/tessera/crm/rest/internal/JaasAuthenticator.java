package io.tessera.crm.rest.internal;

import io.tessera.crm.api.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/**
 * Checks user name and password against a JAAS realm. Successful logins are remembered briefly (keyed by a hash of
 * the credentials, never the password itself) because a JAAS login reads the realm's files on every call; failed
 * logins are counted per user so that guessing passwords is throttled.
 */
final class JaasAuthenticator {
    enum Outcome { ACCEPTED, REJECTED, THROTTLED }

    record Result(Outcome outcome, Caller caller) {
    }

    private record Remembered(Caller caller, long until) {
    }

    private record Failures(int count, long windowStart) {
    }

    private static final long MINUTE = 60_000L;
    private final String realm;
    private final long cacheMillis;
    private final int failuresPerMinute;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    JaasAuthenticator(String realm, int cacheSeconds, int failuresPerMinute) {
        this.realm = realm;
        this.cacheMillis = cacheSeconds * 1000L;
        this.failuresPerMinute = failuresPerMinute;
    }

    Result authenticate(String username, String password) {
        long now = System.currentTimeMillis();
        Failures failed = failures.get(username);
        if (failed != null && now - failed.windowStart() < MINUTE && failed.count() >= failuresPerMinute) {
            return new Result(Outcome.THROTTLED, null);
        }
        String key = username + '\u0000' + sha256(password);
        Remembered hit = remembered.get(key);
        if (hit != null && hit.until() > now) {
            return new Result(Outcome.ACCEPTED, hit.caller());
        }
        Caller caller = login(username, password);
        if (caller == null) {
            failures.merge(username, new Failures(1, now), (old, one) -> now - old.windowStart() < MINUTE
                    ? new Failures(old.count() + 1, old.windowStart()) : one);
            return new Result(Outcome.REJECTED, null);
        }
        failures.remove(username);
        if (cacheMillis > 0) {
            if (remembered.size() > 10_000) {
                remembered.clear();
            }
            remembered.put(key, new Remembered(caller, now + cacheMillis));
        }
        return new Result(Outcome.ACCEPTED, caller);
    }

    private Caller login(String username, String password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            // JAAS loads Karaf's proxy login module through the context class loader.
            thread.setContextClassLoader(JaasAuthenticator.class.getClassLoader());
            Subject subject = new Subject();
            LoginContext context = new LoginContext(realm, subject, callbacks -> answer(callbacks, username, password));
            context.login();
            String name = username;
            Set<String> roles = new HashSet<>();
            for (Principal principal : subject.getPrincipals()) {
                if (principal instanceof RolePrincipal) {
                    roles.add(principal.getName());
                } else if (principal instanceof UserPrincipal) {
                    name = principal.getName();
                }
            }
            context.logout();
            return new Caller(name, roles);
        } catch (LoginException e) {
            return null;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void answer(Callback[] callbacks, String username, String password)
            throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(username);
            } else if (callback instanceof PasswordCallback pass) {
                pass.setPassword(password.toCharArray());
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
