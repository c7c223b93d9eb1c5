package org.afyadial.clinical;

/** How an alert weighs: CONTRAINDICATED blocks a prescription unless the doctor overrides it with a reason. */
public enum Severity {
    CONTRAINDICATED, WARNING
}
