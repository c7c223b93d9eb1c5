package org.afyadial.patients;

/** The languages USSD menus and SMS are written in; the code is what the API and menus use. */
public enum Language {
    en, fr, sw
}
