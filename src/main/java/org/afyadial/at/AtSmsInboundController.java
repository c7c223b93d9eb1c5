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
 * when the store is down, so that AT tries again later.
 */
@Controller("/at/sms/inbound")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class AtSmsInboundController {

    private static final Logger LOG = LoggerFactory.getLogger(AtSmsInboundController.class);
    /** AT has sent both {@code 2017-05-03T06:04:45Z} and {@code 2017-05-03 06:04:45} (UTC). */
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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
        AtForm form = AtForm.parse(body);
        String id = form.get("id");
        var from = phones.toE164(form.get("from"));
        if (id == null || id.isBlank() || from.isEmpty() || form.get("text") == null) {
            LOG.warn("Incoming SMS without id, valid sender or text: ignored");
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
