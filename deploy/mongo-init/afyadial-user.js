// Runs once, when the mongo container starts on an empty data volume (docker-entrypoint-initdb.d):
// creates the account AfyaDial connects with, allowed to read and write its own database and nothing else.
// The root account (MONGO_INITDB_ROOT_*) stays with the operators.
db.getSiblingDB(process.env.AFYADIAL_DB_NAME || 'afyadial').createUser({
  user: process.env.AFYADIAL_DB_USER,
  pwd: process.env.AFYADIAL_DB_PASSWORD,
  roles: [{ role: 'readWrite', db: process.env.AFYADIAL_DB_NAME || 'afyadial' }],
});
