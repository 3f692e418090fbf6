/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.UserId;

/** A row of {@code standalone_user}. Privileges are stored as their enum names, comma-separated. */
@Entity
@Table(name = "standalone_user")
class UserRow {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "username", nullable = false, length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = 255)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Column(name = "privileges", nullable = false, length = 1000)
    private String privileges;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected UserRow() {}

    static UserRow of(UserAccount account, String passwordHash, LocalDateTime createdAt) {
        UserRow row = new UserRow();
        row.id = account.id().value();
        row.username = account.username();
        row.displayName = account.displayName();
        row.passwordHash = passwordHash;
        row.privileges = account.privileges().stream()
                .sorted(Comparator.naturalOrder())
                .map(Privilege::name)
                .collect(Collectors.joining(","));
        row.createdAt = createdAt;
        return row;
    }

    String passwordHash() {
        return passwordHash;
    }

    UserAccount toAccount() {
        Set<Privilege> granted = EnumSet.noneOf(Privilege.class);
        Arrays.stream(privileges.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                // A privilege a later version renamed or dropped is not granted, rather than failing the login.
                .filter(name ->
                        Arrays.stream(Privilege.values()).anyMatch(p -> p.name().equals(name)))
                .map(Privilege::valueOf)
                .forEach(granted::add);
        return new UserAccount(UserId.of(id), username, displayName, granted);
    }
}
