@NullMarked
package io.arrakis.domain.waitlist;

import org.jspecify.annotations.NullMarked;
