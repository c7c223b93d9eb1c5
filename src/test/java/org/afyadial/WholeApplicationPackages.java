package org.afyadial;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;

/**
 * {@code @MicronautTest} gives a context only the test class's own package; Micronaut Data's Mongo
 * codecs are built for the {@code @Serdeable} types of the context's packages, so a test in
 * {@code org.afyadial.system} would save a {@code staff} entity with the driver's record codec
 * (and fail). Every test context gets the whole application's package, as {@code Application} does.
 */
@ContextConfigurer
public class WholeApplicationPackages implements ApplicationContextConfigurer {

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.packages(Application.class.getPackageName());
    }
}
