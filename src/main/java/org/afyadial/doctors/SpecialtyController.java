package org.afyadial.doctors;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.afyadial.system.PageOf;

@Controller("/api/v1/specialties")
@Tag(name = "Doctors")
@SecurityRequirement(name = "bearer")
class SpecialtyController {

    @Serdeable
    record NewSpecialty(@Schema(example = "Mother & Child") @NotBlank @Size(max = 60) String name) {
    }

    private final DoctorService doctors;

    SpecialtyController(DoctorService doctors) {
        this.doctors = doctors;
    }

    @Get
    @Operation(summary = "List specialties", description = "Doctors refer to a specialty by its code.")
    PageOf<Specialty> list() {
        return PageOf.all(doctors.specialties(), s -> s);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Add a specialty", description = "Its code is the slug of the name: \"Mother & Child\" -> mother-child.")
    Specialty create(@Body @Valid NewSpecialty specialty) {
        return doctors.createSpecialty(specialty.name());
    }
}
