/* SPDX-License-Identifier: MPL-2.0 */
/**
 * The rules engine: named, pure rules over immutable request records. Each rule returns the reasons it refuses or
 * warns, each with a stable code from {@link org.openmrs.module.patientrecordings.domain.ErrorCode}; a policy
 * collects every reason of every rule into one {@link org.openmrs.module.patientrecordings.domain.Decision}, in
 * which deny wins and order does not matter. This package imports nothing but the JDK and the product's own value
 * types: an architecture test guards that.
 */
package org.openmrs.module.patientrecordings.policy;
