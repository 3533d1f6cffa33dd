@NullMarked
package io.arrakis.domain.roles;

import org.jspecify.annotations.NullMarked;
