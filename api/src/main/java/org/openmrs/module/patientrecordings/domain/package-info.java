/* SPDX-License-Identifier: MPL-2.0 */
/**
 * The shared vocabulary of the product: recording kinds, initiators, modes, purposes, identifiers, the error
 * catalogue and the decision type that every rule returns.
 */
package org.openmrs.module.patientrecordings.domain;
