// Replaces the webjar's initializer (which reads a demo document from the internet): this platform's /api-doc,
// no validator badge (it would call validator.swagger.io), no inline script (the CSP allows 'self' only).
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/api-doc",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
};
