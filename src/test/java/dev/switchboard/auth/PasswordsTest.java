package dev.switchboard.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordsTest {
    @Test
    void aHashIsAnArgon2idPhcStringWithASaltThatVerifiesOnlyTheRightPassword() {
        String hash = Passwords.hash("correct horse battery");
        assertThat(hash).startsWith("$argon2id$v=19$m=" + Passwords.MEMORY_KIB + ",t=" + Passwords.PASSES + ",p=1$")
                .doesNotContain("correct horse battery");
        assertThat(Passwords.hash("correct horse battery")).as("random salt").isNotEqualTo(hash);
        assertThat(Passwords.verify("correct horse battery", hash)).isTrue();
        assertThat(Passwords.verify("correct horse batterY", hash)).isFalse();
        assertThat(Passwords.verify("", hash)).isFalse();
        assertThat(Passwords.verify(null, hash)).isFalse();
    }

    @Test
    void anUnknownAccountOrAMangledHashNeverVerifies() {
        assertThat(Passwords.verify("anything at all", null)).isFalse();
        assertThat(Passwords.verify("anything at all", "$argon2id$garbage")).isFalse();
        assertThat(Passwords.verify("anything at all", "plaintext")).isFalse();
    }

    @Test
    void hashesMadeWithWeakerParametersAreMarkedForRehash() {
        assertThat(Passwords.needsRehash(Passwords.hash("correct horse battery"))).isFalse();
        String weak = com.password4j.Password.hash("correct horse battery").addRandomSalt(16)
                .with(com.password4j.Argon2Function.getInstance(1024, 1, 1, 32, com.password4j.types.Argon2.ID, 19)).getResult();
        assertThat(Passwords.verify("correct horse battery", weak)).as("old hashes still work").isTrue();
        assertThat(Passwords.needsRehash(weak)).isTrue();
        assertThat(Passwords.needsRehash("not a hash")).isTrue();
    }

    @Test
    void shortBlankAndHugePasswordsAreRefusedWithAReason() {
        assertThat(Passwords.weakness("short")).contains("at least 12");
        assertThat(Passwords.weakness("            ")).contains("only spaces");
        assertThat(Passwords.weakness("x".repeat(257))).contains("at most 256");
        assertThat(Passwords.weakness(null)).isNotNull();
        assertThat(Passwords.weakness("twelve chars")).isNull();
    }
}
