/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

/**
 * What one sweep did.
 *
 * @param temporariesRemoved temporary objects of abandoned writes removed
 * @param orphansRemoved committed objects that no recording refers to, removed
 * @param kept objects looked at and left in place (referenced, or younger than the grace period)
 */
public record SweepReport(int temporariesRemoved, int orphansRemoved, int kept) {}
