/* Glossary tooltips: tap-to-preview on touch screens (to be written). */
