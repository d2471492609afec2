-- One database per subgraph; the user and password are local development defaults.
CREATE DATABASE IF NOT EXISTS sstc_programs CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS sstc_institutions CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS sstc_partners CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'sstc'@'%' IDENTIFIED BY 'dev-only-password';
GRANT ALL PRIVILEGES ON sstc_programs.* TO 'sstc'@'%';
GRANT ALL PRIVILEGES ON sstc_institutions.* TO 'sstc'@'%';
GRANT ALL PRIVILEGES ON sstc_partners.* TO 'sstc'@'%';
