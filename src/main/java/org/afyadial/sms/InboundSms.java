package org.afyadial.sms;

import jakarta.inject.Singleton;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientService;
import org.afyadial.store.Durability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Texts from patients. Each is stored once under the provider's id (the provider redelivers until
 * it gets a 2xx, for up to 12 hours); the first delivery is acted on and answered, redeliveries
 * are ignored. Commands are answered in the language of the patient on the phone, else in the
 * language of the command word.
 */
@Singleton
public class InboundSms {

    private static final Logger LOG = LoggerFactory.getLogger(InboundSms.class);

    private final InboundLog log;
    private final PatientSmsCommands commands;
    private final PatientService patients;
    private final Outbox outbox;
    private final SmsTemplates templates;
    private final SmsSettings settings;
    private final Clock clock;
    private final SmsMeters meters;

    InboundSms(InboundLog log, PatientSmsCommands commands, PatientService patients, Outbox outbox,
               SmsTemplates templates, SmsSettings settings, Clock clock, SmsMeters meters) {
        this.log = log;
        this.commands = commands;
        this.patients = patients;
        this.outbox = outbox;
        this.templates = templates;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Stores, acts on and answers the text, and returns once all of it is stored durably; false when it was a
     * redelivery of one already received.
     */
    public boolean receive(IncomingSms sms) {
        return Durability.together(() -> receiveNow(sms));
    }

    private boolean receiveNow(IncomingSms sms) {
        Optional<SmsCommand.Read> command = SmsCommand.read(sms.text());
        if (!log.storeOnce(sms, command.map(SmsCommand.Read::command).orElse(null), clock.instant())) {
            LOG.info("Incoming SMS {} was already received: redelivery ignored", sms.providerId());
            return false;
        }
        meters.received(command.map(SmsCommand.Read::command).orElse(null));
        try {
            answer(sms, command);
        } catch (RuntimeException e) {
            // stored already: a 500 would only make the provider redeliver a message we now ignore
            LOG.error("Acting on incoming SMS {} failed; it stays stored without an answer", sms.providerId(), e);
        }
        return true;
    }

    private void answer(IncomingSms sms, Optional<SmsCommand.Read> command) {
        List<Patient> family = patients.findByPhone(sms.from());
        String language = family.isEmpty()
                ? command.map(SmsCommand.Read::language).orElse(SmsTemplates.FALLBACK_LANGUAGE)
                : family.getFirst().language().name();
        String patientId = family.isEmpty() ? null : family.getFirst().id();
        if (command.isEmpty()) {
            sendHelp(sms.from(), patientId, language);
            return;
        }
        PatientSmsCommands.Reply reply = commands.run(command.get().command(), sms.from(), language);
        log.noteAppointment(sms.providerId(), reply.appointmentId());
        outbox.queue(SmsRequest.now("reply:" + sms.providerId(), patientId, sms.from(), language,
                templates.render(language, reply.templateKey(), reply.values()), MessageKind.REPLY));
    }

    /**
     * At most one help text per phone per {@code helpReplyInterval} for texts that are no command:
     * the window is part of the idempotency key, so two auto-responders answering each other cannot loop.
     */
    private void sendHelp(String phone, String patientId, String language) {
        Instant now = clock.instant();
        long window = now.getEpochSecond() / settings.helpReplyInterval().toSeconds();
        outbox.queue(SmsRequest.now("help:" + phone + ":" + window, patientId, phone, language,
                templates.render(language, "help", Map.of()), MessageKind.REPLY));
    }
}
