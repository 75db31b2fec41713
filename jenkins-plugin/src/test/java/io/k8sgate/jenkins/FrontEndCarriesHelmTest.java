package io.k8sgate.jenkins;

import io.k8sgate.helm.AbstractFrontEndCarriesHelmTest;

/** This front end carries the Helm renderer and Helm's library for the platform: the engine finds and runs it. */
class FrontEndCarriesHelmTest extends AbstractFrontEndCarriesHelmTest {
}
