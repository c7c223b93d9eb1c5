package org.afyadial.sms;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import org.afyadial.system.PhoneMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Development mode, used when no {@code AT_API_KEY} is set: every message is accepted and logged (not its text,
 * the number masked)
 * and nothing leaves the machine; the simulator's SMS pane shows it from the outbox.
 */
@Singleton
@Secondary
class LocalSmsGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSmsGateway.class);

    @Override
    public SendResult send(String phone, String text) {
        // the text may be a patient's results notice: the simulator's SMS pane shows it, the log does not; the
        // number is masked here already, so that a logging configuration without the masking pattern keeps it out
        LOG.info("SMS (not sent, no AT_API_KEY) to {}: {} characters", PhoneMask.mask(phone), text.length());
        return SendResult.accepted("local-" + UUID.randomUUID());
    }
}
