package org.afyadial.sms;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Texts from patients. Each is stored once under the provider's id (the provider redelivers until
 * it gets a 2xx, for up to 12 hours); the first delivery is answered, redeliveries are ignored.
 */
@Singleton
public class InboundSms {

    private static final Logger LOG = LoggerFactory.getLogger(InboundSms.class);

    private final InboundLog log;
    private final Outbox outbox;
    private final SmsTemplates templates;
    private final SmsSettings settings;
    private final Clock clock;

    InboundSms(InboundLog log, Outbox outbox, SmsTemplates templates, SmsSettings settings, Clock clock) {
        this.log = log;
        this.outbox = outbox;
        this.templates = templates;
        this.settings = settings;
        this.clock = clock;
    }

    /** Stores and answers the text; false when it was a redelivery of one already received. */
    public boolean receive(IncomingSms sms) {
        Optional<SmsCommand.Read> command = SmsCommand.read(sms.text());
        if (!log.storeOnce(sms, command.map(SmsCommand.Read::command).orElse(null), clock.instant())) {
            LOG.info("Incoming SMS {} was already received: redelivery ignored", sms.providerId());
            return false;
        }
        String language = command.map(SmsCommand.Read::language).orElse(SmsTemplates.FALLBACK_LANGUAGE);
        sendHelp(sms.from(), language == null ? SmsTemplates.FALLBACK_LANGUAGE : language);
        return true;
    }

    /**
     * At most one help text per phone per {@code helpReplyInterval}: the window is part of the
     * idempotency key, so two auto-responders answering each other cannot loop.
     */
    private void sendHelp(String phone, String language) {
        Instant now = clock.instant();
        long window = now.getEpochSecond() / settings.helpReplyInterval().toSeconds();
        outbox.queue(SmsRequest.now("help:" + phone + ":" + window, null, phone, language,
                templates.render(language, "help", Map.of()), MessageKind.REPLY));
    }
}
