@NullMarked
package io.arrakis.domain.badges;

import org.jspecify.annotations.NullMarked;
