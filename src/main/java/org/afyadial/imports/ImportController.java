package org.afyadial.imports;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.multipart.StreamingFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.afyadial.audit.AuditTrail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Imports of existing records (healthcare dataset CSV) uploaded by an administrator. */
@Controller("/api/v1/imports")
@Tag(name = "Imports")
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
class ImportController {

    private final ImportJobs jobs;
    private final AuditTrail audit;

    ImportController(ImportJobs jobs, AuditTrail audit) {
        this.jobs = jobs;
        this.audit = audit;
    }

    @Serdeable
    record ImportStarted(String id) {
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Status(HttpStatus.ACCEPTED)
    @Operation(summary = "Import a healthcare dataset CSV",
            description = "Multipart part \"file\". Runs in the background: GET /api/v1/imports/{id} reports its progress and result.")
    ImportStarted upload(StreamingFileUpload file) throws IOException {
        // copied as it arrives, never held whole in memory: the file may be tens of MB (IMPORT_MAX_BYTES)
        Path copy = Files.createTempFile("afyadial-import-", ".csv");
        try (InputStream in = file.asInputStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.delete(copy);
            // a body past IMPORT_MAX_BYTES ends the stream with this cause: answered 413 by UploadTooLarge
            if (e.getCause() instanceof ContentLengthExceededException tooLarge) {
                throw tooLarge;
            }
            throw e;
        }
        String id = jobs.start(copy);
        audit.record("import.start", "import", id, null);
        return new ImportStarted(id);
    }

    @Get("/{id}")
    @Operation(summary = "Progress and result of an import")
    ImportView get(String id) {
        return jobs.find(id).orElseThrow(() -> new ImportNotFound(id));
    }
}
