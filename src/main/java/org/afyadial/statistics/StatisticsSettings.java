package org.afyadial.statistics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** @param kAnonymity {@code K_ANONYMITY}: counts below it are never published */
@ConfigurationProperties("afyadial.statistics")
record StatisticsSettings(@Bindable(defaultValue = "5") int kAnonymity) {
}
