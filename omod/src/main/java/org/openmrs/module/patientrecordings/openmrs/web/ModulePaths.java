/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.web;

import java.util.Set;

/**
 * The module's web paths. The public address is {@value #PUBLIC_PREFIX}{@code /...}; OpenMRS serves the module's
 * servlets at {@value #SERVLET_PREFIX}{@code /<servlet name>/...}, and a module filter forwards from one to the
 * other. Writes must use the public path: core's CSRF guard exempts only {@code /ws/*}. Needs no OpenMRS class, so
 * the default build compiles it and its tests serve the servlets where OpenMRS does.
 */
public final class ModulePaths {

    /** The module id, as in config.xml. */
    public static final String MODULE_ID = "patientrecordings";

    /** Where clients call. */
    public static final String PUBLIC_PREFIX = "/ws/" + MODULE_ID;

    /** Where OpenMRS serves the module's servlets. */
    public static final String SERVLET_PREFIX = "/ms/" + MODULE_ID;

    /** The FHIR servlet's name in config.xml. */
    public static final String FHIR_SERVLET_NAME = "fhir";

    /** The FHIR base, after the servlet name. */
    public static final String FHIR_VERSION_PATH = "/R4";

    /** The FHIR base below the context path, as clients see it. */
    public static final String PUBLIC_FHIR_BASE = PUBLIC_PREFIX + "/" + FHIR_SERVLET_NAME + FHIR_VERSION_PATH;

    /** The FHIR base below the context path, as the servlet receives it. */
    public static final String SERVLET_FHIR_BASE = SERVLET_PREFIX + "/" + FHIR_SERVLET_NAME + FHIR_VERSION_PATH;

    /** The administration API servlet's name in config.xml. */
    public static final String ADMIN_SERVLET_NAME = "admin";

    /** The administration API's base below the context path, as clients see it. */
    public static final String PUBLIC_ADMIN_BASE = PUBLIC_PREFIX + "/" + ADMIN_SERVLET_NAME;

    /** The administration API's base below the context path, as the servlet receives it. */
    public static final String SERVLET_ADMIN_BASE = SERVLET_PREFIX + "/" + ADMIN_SERVLET_NAME;

    /** The browser shell's servlet name in config.xml. */
    public static final String UI_SERVLET_NAME = "ui";

    /** The browser shell below the context path, as clients see it. */
    public static final String PUBLIC_UI_BASE = PUBLIC_PREFIX + "/" + UI_SERVLET_NAME;

    /** The browser shell below the context path, as the servlet receives it. */
    public static final String SERVLET_UI_BASE = SERVLET_PREFIX + "/" + UI_SERVLET_NAME;

    /** The paths anyone may read: the FHIR capability statement and the administration API's OpenAPI document. */
    public static final Set<String> PUBLIC_PATHS =
            Set.of(PUBLIC_FHIR_BASE + "/metadata", PUBLIC_ADMIN_BASE + "/openapi.json");

    private ModulePaths() {}

    /**
     * The servlet path that a public path forwards to.
     *
     * @param pathWithinContext the request path without the context path, starting with {@value #PUBLIC_PREFIX}
     * @return the same path under {@value #SERVLET_PREFIX}
     */
    public static String forwardTarget(String pathWithinContext) {
        if (!pathWithinContext.startsWith(PUBLIC_PREFIX + "/")) {
            throw new IllegalArgumentException("not a path of this module: " + pathWithinContext);
        }
        return SERVLET_PREFIX + pathWithinContext.substring(PUBLIC_PREFIX.length());
    }
}
