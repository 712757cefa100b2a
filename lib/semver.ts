/**
 * The semver functions the library uses, each from its own module: the package bundles semver
 * (scripts/build-lib.js), and its root would bring every function and range helper into the
 * bundle; run from source (jest, tsx), the root took about 22 ms of every process's start
 * against 9 ms for these. The library imports semver from here, never from the package root.
 */
import clean = require('semver/functions/clean');
import compare = require('semver/functions/compare');
import compareBuild = require('semver/functions/compare-build');
import satisfies = require('semver/functions/satisfies');
import valid = require('semver/functions/valid');
import intersects = require('semver/ranges/intersects');
import subset = require('semver/ranges/subset');
import validRange = require('semver/ranges/valid');

export { clean, compare, compareBuild, intersects, satisfies, subset, valid, validRange };
