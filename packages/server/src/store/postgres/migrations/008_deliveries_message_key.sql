-- A delivery's foreign key to its message cost a lookup and a trigger per delivery row: a third of
-- the publish statement's time (bench/README.md, issue 18, third and fourth rounds). What the key
-- did on delete is now done by the statements that delete: retention removes a message's attempts
-- and deliveries before it purges the message, and deleting an application removes its deliveries
-- (and with them their attempts) after the application and its messages (applications.ts). Every
-- delivery is inserted by the statement that inserts its message, or for a message it has read.
ALTER TABLE deliveries DROP CONSTRAINT IF EXISTS deliveries_message_id_fkey;
