package org.afyadial.sms;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * How AfyaDial sends SMS.
 *
 * @param ratePerSecond       {@code AT_SMS_RATE_PER_SECOND}: calls to the provider per second; 0 or less = no limit
 * @param transliterate       {@code SMS_TRANSLITERATE}: replace characters outside GSM-7 so a message stays cheap
 * @param quietHours          {@code QUIET_HOURS}: clinic-time window {@code HH:mm-HH:mm} in which non-urgent SMS wait ({@code 00:00-00:00}: none)
 * @param reminderOffsets     {@code REMINDER_OFFSETS}: how long before a visit reminders go out
 * @param dispatchInterval    {@code SMS_DISPATCH_INTERVAL}: how often each instance looks for due messages
 * @param batchSize           messages one dispatcher claims per round
 * @param lease               how long a claim lasts before another instance may take the message over
 * @param maxAttempts         claims per message before a message that keeps failing transiently is FAILED
 * @param retryBackoff        first wait between retries of one call (doubles, with jitter)
 * @param retryAttempts       tries of one call before the message goes back to the queue
 * @param requeueBackoff      first wait before a message that failed transiently is tried again (doubles per attempt)
 * @param concurrentSends     bulkhead: calls to the provider in flight at once per instance
 * @param breakerOpenFor      how long the circuit breaker stays open before trying the provider again
 * @param helpReplyInterval   at most one help reply per phone in this interval (two auto-responders cannot loop)
 */
@ConfigurationProperties("afyadial.sms")
public record SmsSettings(
        @Bindable(defaultValue = "10") int ratePerSecond,
        @Bindable(defaultValue = "true") boolean transliterate,
        @Bindable(defaultValue = "21:00-07:00") String quietHours,
        @Bindable(defaultValue = "24h,2h") List<Duration> reminderOffsets,
        @Bindable(defaultValue = "1s") Duration dispatchInterval,
        @Bindable(defaultValue = "200") int batchSize,
        @Bindable(defaultValue = "2m") Duration lease,
        @Bindable(defaultValue = "10") int maxAttempts,
        @Bindable(defaultValue = "500ms") Duration retryBackoff,
        @Bindable(defaultValue = "3") int retryAttempts,
        @Bindable(defaultValue = "30s") Duration requeueBackoff,
        @Bindable(defaultValue = "32") int concurrentSends,
        @Bindable(defaultValue = "30s") Duration breakerOpenFor,
        @Bindable(defaultValue = "1h") Duration helpReplyInterval) {
}
