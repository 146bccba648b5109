package io.tessera.crm.rest.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.Test;

public class AuthenticationFilterTest {
    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void readsBasicCredentialsWithColonsAndUnicodeInThePassword() {
        assertArrayEquals(new String[] {"anna", "pa:ss wörd"}, AuthenticationFilter.basicCredentials(basic("anna:pa:ss wörd")));
        assertArrayEquals(new String[] {"anna", "x"}, AuthenticationFilter.basicCredentials("basic " +
                Base64.getEncoder().encodeToString("anna:x".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    public void rejectsMissingOrBrokenHeaders() {
        assertNull(AuthenticationFilter.basicCredentials(null));
        assertNull(AuthenticationFilter.basicCredentials("Bearer abc"));
        assertNull(AuthenticationFilter.basicCredentials("Basic !!!notbase64"));
        assertNull(AuthenticationFilter.basicCredentials(basic("no-colon")));
        assertNull(AuthenticationFilter.basicCredentials(basic(":nouser")));
    }
}
