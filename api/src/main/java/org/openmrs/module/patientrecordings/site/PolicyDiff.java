/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.site;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.policy.SitePolicy;

/**
 * What changed between two versions of a site's policy (POL-2), field by field, in the paths of
 * {@link SitePolicyCodec}: {@code telephone.notices[1].endedOn} changed, {@code noFilmingAreas[2]} added. Lists are
 * compared by position, sets (kinds, purposes) as sorted lists; the version number itself is not a change.
 *
 * @param site whose policy
 * @param fromVersion the older side
 * @param toVersion the newer side
 * @param changes in document order; empty when the versions say the same
 */
public record PolicyDiff(SiteId site, int fromVersion, int toVersion, List<Change> changes) {

    public PolicyDiff {
        Objects.requireNonNull(site, "site");
        changes = List.copyOf(changes);
    }

    /** Compares two versions of one site's policy. */
    public static PolicyDiff between(SitePolicy from, SitePolicy to, SitePolicyCodec codec) {
        JsonObject a = codec.write(from);
        JsonObject b = codec.write(to);
        a.remove("version");
        b.remove("version");
        List<Change> changes = new ArrayList<>();
        compare("", a, b, changes);
        return new PolicyDiff(from.site(), from.version(), to.version(), changes);
    }

    private static void compare(String path, JsonElement a, JsonElement b, List<Change> changes) {
        if (a.equals(b)) {
            return;
        }
        if (a.isJsonObject() && b.isJsonObject()) {
            Set<String> keys = new TreeSet<>(a.getAsJsonObject().keySet());
            keys.addAll(b.getAsJsonObject().keySet());
            // Document order of the newer side first, then members only the older one has.
            List<String> ordered = new ArrayList<>(b.getAsJsonObject().keySet());
            keys.stream().filter(k -> !ordered.contains(k)).forEach(ordered::add);
            for (String key : ordered) {
                JsonElement x = a.getAsJsonObject().get(key);
                JsonElement y = b.getAsJsonObject().get(key);
                String at = JsonInput.at(path, key);
                if (x == null) {
                    changes.add(new Change(at, Kind.ADDED, null, y));
                } else if (y == null) {
                    changes.add(new Change(at, Kind.REMOVED, x, null));
                } else {
                    compare(at, x, y, changes);
                }
            }
        } else if (a.isJsonArray() && b.isJsonArray()) {
            var x = a.getAsJsonArray();
            var y = b.getAsJsonArray();
            for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
                String at = JsonInput.at(path, i);
                if (i >= x.size()) {
                    changes.add(new Change(at, Kind.ADDED, null, y.get(i)));
                } else if (i >= y.size()) {
                    changes.add(new Change(at, Kind.REMOVED, x.get(i), null));
                } else {
                    compare(at, x.get(i), y.get(i), changes);
                }
            }
        } else {
            changes.add(new Change(path, Kind.CHANGED, a, b));
        }
    }

    /**
     * One difference.
     *
     * @param path where, e.g. {@code telephone.enabled}
     * @param kind added, removed or changed
     * @param before the older value, null when added
     * @param after the newer value, null when removed
     */
    public record Change(String path, Kind kind, JsonElement before, JsonElement after) {
        public Change {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** How a value differs. */
    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }
}
