package io.github.luciajooq.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lucia's password hashes in Java: the formats, and what a malformed hash gives. */
class ScryptTest {

    /** Made by lucia 3.2.2's {@code new Scrypt().hash("pässwörd")} on Node.js. */
    private static final String LUCIAS_HASH = "cfce2a83b4881f0848dd19b13bf12780:992ed7b06e58b26b256cd76db1e944887e1e049e"
            + "d1d63ca129d52e303fe2c9489fbaca9bedb278ffdf155800f505b4b0d17a216053af0aca041b29d10b120e7b";
    /** Made by lucia 3.2.2's {@code new LegacyScrypt().hash("pässwörd")}. */
    private static final String LUCIAS_LEGACY_HASH = "s2:2db42506ddf1976bc69fe873bb7496d8:6cdfc5507b0370464be25475a9e21"
            + "1ae24f3e43dbd6ec6c22d30047676fe2e080fc0e8b07ceb2f233ee237dd46ace9d7aeb8a979d57a0248a96679a0efe40187";
    /** Lucia v2's two-part form (r = 8), made with lucia's scrypt on Node.js. */
    private static final String LUCIA_V2_HASH = "60bfdaf9ff75d4b831379d3784273607:918aacf5f6479b59a2dbca1908aea4fdf51c1820"
            + "6e3e884a1b6a386e16bfd5b24525368a3a7b62ba5e3161bc4d53e9e2ebb38e47c86b9ac04b1d722f874bcb9e";

    @Test
    void hashesMadeByLuciaVerify() {
        assertThat(Scrypt.create().verify(LUCIAS_HASH, "p\u00e4ssw\u00f6rd")).isTrue();
        assertThat(Scrypt.create().verify(LUCIAS_HASH, "passwort")).isFalse();
        assertThat(LegacyScrypt.create().verify(LUCIAS_LEGACY_HASH, "p\u00e4ssw\u00f6rd")).isTrue();
        assertThat(LegacyScrypt.create().verify(LUCIA_V2_HASH, "p\u00e4ssw\u00f6rd")).isTrue();
        assertThat(Scrypt.create().verify(LUCIAS_LEGACY_HASH, "p\u00e4ssw\u00f6rd")).as("three parts").isFalse();
    }

    @Test
    void aPasswordInAnotherNormalisationFormIsTheSamePassword() {
        // "ä" as one code point, and as "a" followed by a combining diaeresis: NFKC makes them one.
        assertThat(Scrypt.create().verify(LUCIAS_HASH, "pa\u0308ssw\u00f6rd")).isTrue();
    }

    @Test
    void hashesAreSaltedAndVerifyOnlyTheirPassword() {
        String first = Scrypt.create().hash("correct horse");
        String second = Scrypt.create().hash("correct horse");

        assertThat(first).matches("[0-9a-f]{32}:[0-9a-f]{128}").isNotEqualTo(second);
        assertThat(Scrypt.create().verify(first, "correct horse")).isTrue();
        assertThat(Scrypt.create().verify(first, "correct horsE")).isFalse();
        assertThat(LegacyScrypt.create().hash("x")).matches("s2:[0-9a-f]{32}:[0-9a-f]{128}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", "abc", "a:b:c", "00:zz", "00:0", "00:\u0660\u0661", "s2:00", "s3:00:00", "00:00"})
    void malformedHashesAreFalseNeverAnError(String hash) {
        assertThat(Scrypt.create().verify(hash, "password")).isFalse();
        assertThat(LegacyScrypt.create().verify(hash, "password")).isFalse();
    }

    @Test
    void nullsAreRefusedNamingThem() {
        assertThatThrownBy(() -> Scrypt.create().hash(null)).isInstanceOf(NullPointerException.class).hasMessage("password");
        assertThatThrownBy(() -> Scrypt.create().verify(null, "x")).isInstanceOf(NullPointerException.class).hasMessage("hash");
        assertThatThrownBy(() -> LegacyScrypt.create().verify("x", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("password");
    }

    @Test
    void hashingRunsOnTheGivenExecutorOffTheCallingThread() throws Exception {
        ExecutorService workers = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "password-worker"));
        try {
            String[] thread = new String[1];
            String hash = Scrypt.create().hash("secret", command -> workers.execute(() -> {
                thread[0] = Thread.currentThread().getName();
                command.run();
            })).get();

            assertThat(thread[0]).isEqualTo("password-worker");
            assertThat(Scrypt.create().verify(hash, "secret", workers).get()).isTrue();
        } finally {
            workers.shutdown();
        }
    }
}
