// Starts Swagger UI on the API document (an external script: the page allows no inline script).
window.addEventListener('DOMContentLoaded', () => {
  window.ui = window.SwaggerUIBundle({
    url: '/api/openapi.yml',
    dom_id: '#swagger-ui',
    deepLinking: true,
  })
})
