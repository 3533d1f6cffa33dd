@NullMarked
package io.arrakis.domain.profile;

import org.jspecify.annotations.NullMarked;
