// Impact notices: what the plugin told owners about a change of a data
// source (retired, deprecated, new vendor, an element dropped), one row per
// change. The row is written before the notice is sent and marked when it
// has been, so that no replica or restart sends a change twice and one that
// could not be sent is sent on a later refresh.

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('dc_impact_notices', table => {
    table.comment('Notices of data source changes to downstream owners');
    table
      .string('change_key')
      .primary()
      .comment('Hash of the change: kind, source, from, to, model version');
    table.string('source_ref').notNullable().index();
    table.string('change').notNullable().comment('lifecycle, vendor, elements');
    table.text('from_value').nullable();
    table.text('to_value').nullable();
    table.string('model_version').notNullable();
    table.text('recipients').notNullable().comment('JSON list of entity refs');
    table.text('payload').notNullable().comment('JSON notification payload');
    table.string('detected_at').notNullable();
    table.string('sent_at').nullable().index().comment('null until sent');
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error').nullable();
    table
      .string('claimed_until')
      .nullable()
      .comment('A replica sending it holds it until then');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dc_impact_notices');
};
