package org.afyadial.at;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.afyadial.sms.IncomingSms;
import org.afyadial.sms.InboundSms;
import org.afyadial.system.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * AT's incoming-SMS callback: form fields {@code from, to, text, date, id, linkId, networkCode}.
 * Always 200 once the message is stored or found unusable, so AT stops redelivering; a 500 only
 * when the store is down, so that AT tries again later. Anyone can post here: a body no SMS can produce
 * is answered 200 and dropped unread, before anything is parsed or stored.
 */
@Controller("/at/sms/inbound")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class AtSmsInboundController {

    private static final Logger LOG = LoggerFactory.getLogger(AtSmsInboundController.class);
    /** AT has sent both {@code 2017-05-03T06:04:45Z} and {@code 2017-05-03 06:04:45} (UTC). */
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The longest text AT delivers: a message concatenated from several SMS parts. */
    static final int LONGEST_TEXT = 1600;
    /** Such a text with every character percent-encoded as 4 UTF-8 bytes (12 characters), and AT's other fields. */
    private static final int LONGEST_FORM = LONGEST_TEXT * 12 + 2048;

    private final InboundSms inbound;
    private final PhoneNumbers phones;
    private final Clock clock;

    AtSmsInboundController(InboundSms inbound, PhoneNumbers phones, Clock clock) {
        this.inbound = inbound;
        this.phones = phones;
        this.clock = clock;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> receive(@Body String body) {
        if (body.length() > LONGEST_FORM) {
            LOG.warn("Incoming SMS form of {} characters, longer than any SMS: dropped unread", body.length());
            return HttpResponse.ok();
        }
        AtForm form = AtForm.parse(body);
        String id = form.get("id");
        var from = phones.toE164(form.get("from"));
        if (id == null || id.isBlank() || from.isEmpty() || form.get("text") == null) {
            LOG.warn("Incoming SMS without id, valid sender or text: ignored");
            return HttpResponse.ok();
        }
        if (form.get("text").length() > LONGEST_TEXT) {
            LOG.warn("Incoming SMS with a text of {} characters, longer than any SMS: dropped", form.get("text").length());
            return HttpResponse.ok();
        }
        inbound.receive(new IncomingSms(id, from.get(), form.get("to") == null ? "" : form.get("to"), form.get("text"),
                receivedAt(form.get("date")), form.get("networkCode")));
        return HttpResponse.ok();
    }

    private Instant receivedAt(String date) {
        if (date != null) {
            try {
                return date.contains("T") ? Instant.parse(date) : LocalDateTime.parse(date, SPACED).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                LOG.warn("Incoming SMS with unreadable date '{}': using the time of arrival", date);
            }
        }
        return clock.instant();
    }
}
