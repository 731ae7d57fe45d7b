package io.github.luciajooq.spring.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller method parameter that is the request's valid lucia-jooq session, as {@code SessionFilter} validates
 * it (bearer token, else session cookie; renewed and caught-up cookies are sent as the filter sends them):
 * <pre>{@code
 * @GetMapping("/account")
 * String account(@SignedIn UsersRecord user) { ... }                       // the user's attributes
 * @GetMapping("/devices")
 * String devices(@SignedIn SessionAndUser<UUID, UsersRecord, SessionsRecord> signedIn) { ... }
 * @GetMapping("/")
 * String home(@SignedIn Optional<User<UUID, UsersRecord>> user) { ... }    // signed in or not
 * }</pre>
 * The parameter's type is {@code SessionAndUser}, {@code Session}, {@code User}, or the user's attributes (the
 * application's user record, or a {@code Map} with tables by name), each possibly in an {@code Optional}. Without a
 * valid session the answer is {@code 401 Unauthorized} before the method runs, unless the parameter is an
 * {@code Optional} (then empty) or {@link #required()} is {@code false} (then {@code null}).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SignedIn {

    /** Whether a request without a valid session is answered {@code 401}: {@code true} by default. */
    boolean required() default true;
}
