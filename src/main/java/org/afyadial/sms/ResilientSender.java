package org.afyadial.sms;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The provider call wrapped, from the outside in: retry (exponential backoff with jitter, transient
 * failures only: never a call whose outcome is unknown), circuit breaker (open: calls are refused at once and messages stay queued), rate
 * limiter ({@code AT_SMS_RATE_PER_SECOND}, off when 0 or less) and bulkhead (calls in flight).
 * Refusals by the breaker, limiter or bulkhead surface as their resilience4j exceptions.
 */
@Singleton
class ResilientSender {

    private static final double BACKOFF_MULTIPLIER = 2.0;
    private static final double JITTER = 0.5;

    private final SmsGateway gateway;
    private final Retry retry;
    private final CircuitBreakerRegistry breakers;
    private final CircuitBreaker breaker;
    private final RateLimiter limiter;
    private final Bulkhead bulkhead;

    ResilientSender(SmsGateway gateway, SmsSettings settings, Clock clock) {
        this.gateway = gateway;
        this.retry = Retry.of("sms", RetryConfig.custom()
                .maxAttempts(settings.retryAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.retryBackoff(), BACKOFF_MULTIPLIER, JITTER))
                .retryOnException(TransientSendFailure.class::isInstance)
                .build());
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .clock(clock)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .permittedNumberOfCallsInHalfOpenState(3)
                .waitDurationInOpenState(settings.breakerOpenFor())
                // a provider that does not answer in time is failing too, though its calls are not retried
                .recordException(e -> e instanceof TransientSendFailure || e instanceof SendOutcomeUnknown)
                .build());
        this.breaker = breakers.circuitBreaker("sms");
        this.limiter = settings.ratePerSecond() > 0
                ? RateLimiter.of("sms", RateLimiterConfig.custom()
                        .limitForPeriod(settings.ratePerSecond())
                        .limitRefreshPeriod(Duration.ofSeconds(1))
                        .timeoutDuration(Duration.ofSeconds(10))
                        .build())
                : null;
        this.bulkhead = Bulkhead.of("sms", BulkheadConfig.custom()
                .maxConcurrentCalls(settings.concurrentSends())
                .maxWaitDuration(Duration.ofSeconds(30))
                .build());
    }

    /** {@code calling} runs just before each call to the provider, once the breaker, limiter and bulkhead let it through. */
    SendResult send(String phone, String text, Runnable calling) {
        Supplier<SendResult> call = Bulkhead.decorateSupplier(bulkhead, () -> {
            calling.run();
            return gateway.send(phone, text);
        });
        if (limiter != null) {
            call = RateLimiter.decorateSupplier(limiter, call);
        }
        call = CircuitBreaker.decorateSupplier(breaker, call);
        return Retry.decorateSupplier(retry, call).get();
    }

    CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    /** The breaker's registry, which its metrics watch. */
    CircuitBreakerRegistry breakers() {
        return breakers;
    }
}
