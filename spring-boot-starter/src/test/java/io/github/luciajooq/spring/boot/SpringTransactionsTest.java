package io.github.luciajooq.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.spring.testing.Contexts;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;

/** The auto-configured session manager joins the Spring transaction of the calling thread. */
class SpringTransactionsTest {

    /** An application's service: signs a user up and in, in one transaction. */
    public static class SignUp {
        private final Lucia<String, Map<String, Object>, Map<String, Object>> lucia;
        private final DSLContext dsl;

        @SuppressWarnings("unchecked")
        public SignUp(Lucia<?, ?, ?> lucia, DSLContext dsl) {
            this.lucia = (Lucia<String, Map<String, Object>, Map<String, Object>>) lucia;
            this.dsl = dsl;
        }

        @Transactional
        public NewSession<String, Map<String, Object>> signUp(String userId, boolean failAfterwards) {
            dsl.insertInto(DSL.table("auth_user")).set(DSL.field("id"), userId).execute();
            NewSession<String, Map<String, Object>> created = lucia.createSession(userId, Map.of());
            // Seen inside the transaction: the adapter runs on the transaction's connection.
            assertThat(lucia.validateSession(created.token())).isPresent();
            if (failAfterwards) {
                throw new IllegalStateException("the sign-up fails after the session was created");
            }
            return created;
        }
    }

    @Test
    void aSessionCreatedInATransactionThatRollsBackIsGoneWithIt() {
        Contexts.onNewDatabase().withBean(SignUp.class).run(context -> {
            SignUp signUp = context.getBean(SignUp.class);
            DSLContext dsl = context.getBean(DSLContext.class);
            assertThatThrownBy(() -> signUp.signUp("dave", true)).isInstanceOf(IllegalStateException.class);
            assertThat(dsl.fetchCount(DSL.table("user_session"))).isZero();
            assertThat(dsl.fetchCount(DSL.table("auth_user"), DSL.field("id").eq("dave"))).isZero();
        });
    }

    @Test
    void aSessionCreatedInATransactionThatCommitsStays() {
        Contexts.onNewDatabase().withBean(SignUp.class).run(context -> {
            NewSession<String, Map<String, Object>> created = context.getBean(SignUp.class).signUp("erin", false);
            @SuppressWarnings("unchecked")
            Lucia<String, Map<String, Object>, Map<String, Object>> lucia = context.getBean(Lucia.class);
            assertThat(lucia.validateSession(created.token())).map(found -> found.user().id()).contains("erin");
        });
    }
}
