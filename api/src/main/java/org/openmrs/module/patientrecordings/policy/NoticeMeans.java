/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

/** How a site tells callers that calls are recorded (TEL-2). */
public enum NoticeMeans {
    RECORDED_MESSAGE,
    PRACTICE_LEAFLET,
    WAITING_ROOM_POSTER,
    WEBSITE,
    OTHER
}
