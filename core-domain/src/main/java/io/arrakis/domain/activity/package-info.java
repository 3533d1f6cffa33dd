@NullMarked
package io.arrakis.domain.activity;

import org.jspecify.annotations.NullMarked;
