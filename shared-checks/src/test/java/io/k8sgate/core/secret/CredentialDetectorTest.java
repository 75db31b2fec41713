package io.k8sgate.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.secret.CredentialDetector.Credential;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every value below is a made-up fixture in the shape of the real thing. */
class CredentialDetectorTest {
    private static String only(final String name, final String value) {
        List<Credential> found = CredentialDetector.inValue(name, value);
        assertThat(found).as("credentials in %s=%s", name, value).hasSize(1);
        Credential c = found.get(0);
        return c.describe() + " = " + value.substring(c.start(), c.end());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "FOO | ghp_K8sGateFixtureTokenNotReal0123456789 | a GitHub token (ghp_…) = "
                + "ghp_K8sGateFixtureTokenNotReal0123456789",
        "NOTE | github_pat_11AAAAAAA0fixtureFixtureFixture_0123456789abcdef | a GitHub token (github_pat_…)",
        "X | glpat-K8sGateFixture0123456789 | a GitLab token (glpat…)",
        "UPSTREAM_ID | AKIAFIXTUREEXAMPLE23 | an AWS access key id (AKIA…) = AKIAFIXTUREEXAMPLE23",
        "NOTIFY | xoxb-123456789012-123456789012-K8sGateFixtureNotReal | a Slack token (xoxb-…)",
        "HOOK | https://hooks.slack.com/services/T00000000/B00000000/K8sGateFixtureNotRealXXXX | a Slack webhook URL",
        "SESSION | eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmaXh0dXJlIn0.c2lnbmF0dXJl | a JSON Web Token (eyJ…)",
        "MAPS | AIzaK8sGateFixture0123456789abcdefghijk | a Google API key (AIza…)",
        "PAY | sk_live_K8sGateFixture0123456789 | a Stripe secret key (sk_live_…)",
        "REG | npm_K8sGateFixture0123456789abcdefghijkl | an npm token (npm_…)",
        "MAIL | SG.K8sGateFixture01234567.K8sGateFixture0123456789abcdefghijklmnopqrs | a SendGrid API key (SG.…)",
        "BROKER | amqp://worker:fixture-pass@mq:5672/ | a password in a URL = fixture-pass",
        "X | postgres://app:p@ss@db:5432/shop | a password in a URL = p@ss",
        "X | file:///ci:fixture-pw@/srv/x.git | a password in a URL = fixture-pw",
        "'' | --db-password=fixture-db | a password in the setting '--db-password' = fixture-db",
        "--db-password | fixture-db | a password = fixture-db",
        "config | REDIS_PASSWORD=abcd1234 | a password in the setting 'REDIS_PASSWORD' = abcd1234",
        "script | mysql --password 'fixture pw' -h db | a password in the setting '--password' = fixture pw",
        "oauth.json | {\"client_secret\": \"fixture-oauth\"} | a credential in the setting 'client_secret' = "
                + "fixture-oauth",
        "header | Authorization: Bearer K8sGateFixture0123456789abcdefXYZ | the credentials of an Authorization header",
        "password | supersecret | a password = supersecret",
        "SMTP_PASSWD | 123456 | a password = 123456",
        "example.com/db-password | fixture-annotated | a password = fixture-annotated",
        "clientSecret | shop-web | a credential = shop-web",
        "cookie-key | wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY | a random-looking key",
        "auth | dXNlcjpLOHNHYXRlRml4dHVyZTAxMjM0NTY3ODk= | a random-looking key",
        "DB_PASSWORD | prefix ghp_K8sGateFixtureTokenNotReal0123456789 | a GitHub token (ghp_…) = prefix "
                + "ghp_K8sGateFixtureTokenNotReal0123456789"})
    void shouldRecogniseCredentials(final String name, final String value, final String expected) {
        assertThat(only(name, value)).startsWith(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}={1}")
    @CsvSource(delimiter = '|', value = {
        "image | registry.example.com/web@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "IMAGE_DIGEST | sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "checksum/secret | 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "checksum/config | 0a4d55a8d778e5022fab701977c5d840bbc486d0",
        "uid | 123e4567-e89b-12d3-a456-426614174000",
        "key | 123e4567-e89b-12d3-a456-426614174000",
        "GIT_COMMIT | 4f2c9e1a7b3d5c6e8f0a1b2c3d4e5f6a7b8c9d0e",
        "FEATURES_B64 | eyJsb2dMZXZlbCI6ImluZm8iLCJjYWNoZSI6dHJ1ZX0=",
        "ca.crt | -----BEGIN CERTIFICATE-----\\nMIIBszCCAVmgAwIBAgIU\\n-----END CERTIFICATE-----",
        "tls.crt | -----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYI\\n-----END PUBLIC KEY-----",
        "key | app.kubernetes.io/name",
        "key | kube-system-coredns-7db6d8ff4d",
        "password | ${DB_PASSWORD}",
        "password | $(DB_PASSWORD)",
        "password | '{{ .Values.password }}'",
        "password | <your-password>",
        "password | '********'",
        "password | ''",
        "password | /run/secrets/db/password",
        "API_KEY | API_KEY_VALUE",
        "token | true",
        "secretName | shop-db",
        "passwordSecretRef | shop-db",
        "passwordKey | db-password",
        "tls-secret | shop-web-tls",
        "existingSecret | shop-db",
        "DB_PASSWORD_FILE | /run/secrets/db",
        "TOKEN_URL | https://auth.example.com/oauth/token",
        "TOKEN_TTL | 3600",
        "MAX_TOKENS | 4096",
        "KEY_ALGORITHM | RS256",
        "AWS_ACCESS_KEY_ID | fixture-key-id",
        "PWD | /app",
        "PASSTHROUGH_MODE | tcp",
        "tokenizer | bert-base-uncased",
        "passwordless | enabled",
        "vault.hashicorp.com/agent-inject-secret-db | database/creds/shop",
        "secret.reloader.stakater.com/reload | api-credentials,db-credentials",
        "description | 'Password: the password of the service account, from the Secret'",
        "application.yaml | 'password: ${DB_PASSWORD}\\nurl: jdbc:postgresql://db:5432/shop'",
        "UPSTREAM | http://proxy:8080/path@v2",
        "DATABASE_URL | postgres://shop@db.shop.svc:5432/shop",
        "DSN | postgres://shop:$(DB_PASSWORD)@db.shop.svc:5432/shop",
        "command | sh -c 'echo the token expires in 3600 seconds'",
        "note | 'Basic authentication is configured in the ingress'"})
    void shouldLeaveValuesThatAreNoCredentialsAlone(final String name, final String value) {
        assertThat(CredentialDetector.inValue(name, value.replace("\\n", "\n"))).isEmpty();
    }

    @Test
    void shouldFindEveryCredentialOfALongerTextWithItsOwnSpan() {
        String text = "export A=ghp_K8sGateFixtureTokenNotReal0123456789\n"
                + "curl https://deploy:fixture-upstream@git.example.com/x\n";

        List<Credential> found = CredentialDetector.inValue("deploy.sh", text);

        assertThat(found).extracting(c -> text.substring(c.start(), c.end()))
                .containsExactly("ghp_K8sGateFixtureTokenNotReal0123456789", "fixture-upstream");
        assertThat(CredentialDetector.replace(text, found, "(x)"))
                .isEqualTo("export A=(x)\ncurl https://deploy:(x)@git.example.com/x\n");
    }

    @Test
    void shouldScrubFreeTextByFormatOnlyNeverByNames() {
        assertThat(CredentialDetector.scrubText("Cannot reach file:///ci:fixture-pw@/srv/x.git: not found", "(r)"))
                .isEqualTo("Cannot reach file:///ci:(r)@/srv/x.git: not found");
        assertThat(CredentialDetector.scrubText("token ghp_K8sGateFixtureTokenNotReal0123456789 refused", "(r)"))
                .isEqualTo("token (r) refused");
        assertThat(CredentialDetector.scrubText("Role 'reader' grants secrets: get, list", "(r)"))
                .isEqualTo("Role 'reader' grants secrets: get, list");
        assertThat(CredentialDetector.scrubText("holds a GitHub token (ghp_…) (not shown)", "(r)"))
                .isEqualTo("holds a GitHub token (ghp_…) (not shown)");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({"PASSWORD,true", "db.password,true", "OAuthClientSecret,true", "apiKey,true", "API-KEY,true",
        "PRIVATEKEY,true", "X_ACCESS_KEY,true", "GIT_CREDENTIALS,true", "SSH_PASSPHRASE,true", "DB_PASS,true",
        "JWT_SIGNING_KEY,true", "--db-password,true", "example.com/token,true", "JWTSecret,true", "PGPASSWORD,true",
        "refresh_token,true", "PASSTHROUGH,false", "PASSWORD_FILE,false", "TOKEN_PATH,false", "SECRET_NAME,false",
        "TOKEN_URL,false", "PWD,false", "KEYCLOAK_REALM,false", "TOKEN_TTL,false", "AWS_ACCESS_KEY_ID,false",
        "secretKeyRef,false", "passwordKey,false", "checksum/secret,false", "automountServiceAccountToken,false",
        "tokenizer,false", "existingSecret,false", "LOG_LEVEL,false", "AUTHOR,false"})
    void shouldRecogniseCredentialNames(final String name, final boolean credential) {
        assertThat(CredentialDetector.isCredentialName(name)).isEqualTo(credential);
    }

    @Test
    void shouldSplitNamesIntoWordsAtSeparatorsAndCamelHumps() {
        assertThat(CredentialDetector.words("example.com/dbPassword")).containsExactly("DB", "PASSWORD");
        assertThat(CredentialDetector.words("JWTSecret_key-2")).containsExactly("JWT", "SECRET", "KEY", "2");
        assertThat(CredentialDetector.words("-Djavax.net.ssl.keyStorePassword")).containsExactly("DJAVAX", "NET",
                "SSL", "KEY", "STORE", "PASSWORD");
    }

    @Test
    void shouldTellRandomKeysFromNamesAndDigests() {
        assertThat(CredentialDetector.looksRandom("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")).isTrue();
        assertThat(CredentialDetector.looksRandom("9f86d081884c7d659a2feaa0c55ad015")).isTrue();
        assertThat(CredentialDetector.looksRandom("kube-system-coredns-7db6d8ff4d")).isFalse();
        assertThat(CredentialDetector.looksRandom("123e4567-e89b-12d3-a456-426614174000")).isFalse();
        assertThat(CredentialDetector.looksRandom("sha256:9f86d081884c7d659a2feaa0c55ad015")).isFalse();
        assertThat(CredentialDetector.looksRandom("aaaaaaaaaaaaaaaaaaaa1A")).isFalse();
        assertThat(CredentialDetector.entropy("abcd")).isEqualTo(2.0);
    }
}
