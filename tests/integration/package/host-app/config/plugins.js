// No `resolve`: Strapi finds the plugin as an installed package listed in package.json.
module.exports = () => ({
  whatsapp: { enabled: true },
});
