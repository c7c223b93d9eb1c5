package org.afyadial.statistics;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.afyadial.system.ProblemException;
import org.afyadial.system.TimeWindow;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

/** Anonymised statistics for the health authority, as JSON or as CSV. */
@Controller("/api/v1/health-authority")
@Tag(name = "Statistics")
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
class StatisticsController {

    private static final Duration LONGEST = Duration.ofDays(366 * 5);

    private final HealthStatistics statistics;

    StatisticsController(HealthStatistics statistics) {
        this.statistics = statistics;
    }

    @Get("/statistics")
    @Operation(summary = "Anonymised counts by week, month, condition, ageBand, sex, specialty or channel",
            description = "Counts below K_ANONYMITY are suppressed, and with them the cells that would let a total give them away."
                    + " Consultations are counted by the ICD-10 chapter of their diagnosis (A00-B99 ... Z00-Z99, or uncoded), by week or month.")
    StatisticsReport json(@Parameter(example = "2024-01-01T00:00:00Z") @QueryValue Instant from,
                          @Parameter(example = "2025-01-01T00:00:00Z") @QueryValue Instant to,
                          @Parameter(example = "month") @QueryValue String groupBy) {
        TimeWindow.check(from, to, LONGEST);
        return statistics.report(from, to, Dimension.of(groupBy).orElseThrow(() -> new UnknownDimension(groupBy)));
    }

    @Get("/statistics.csv")
    @Produces("text/csv")
    @Operation(summary = "The same tables as CSV, one after the other, each headed by its name")
    String csv(@QueryValue Instant from, @QueryValue Instant to, @QueryValue String groupBy) {
        StatisticsReport report = json(from, to, groupBy);
        StringWriter text = new StringWriter();
        try (CsvWriter writer = CsvWriter.builder().build(text)) {
            write(writer, "patients", report.patients());
            write(writer, "admissionsByCondition", report.admissionsByCondition());
            write(writer, "consultationsByDiagnosis", report.consultationsByDiagnosis());
            write(writer, "appointmentsByStatus", report.appointmentsByStatus());
            write(writer, "smsByStatus", report.smsByStatus());
            write(writer, "paymentsByStatus", report.paymentsByStatus());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(CsvWriter writer, String name, CountTable table) {
        if (table != null) {
            writer.writeRecord("table", name);
            table.csv().forEach(writer::writeRecord);
        }
    }

    static class UnknownDimension extends ProblemException {
        UnknownDimension(String groupBy) {
            super(HttpStatus.BAD_REQUEST, "groupBy must be one of week, month, condition, ageBand, sex, specialty, channel");
        }
    }
}
