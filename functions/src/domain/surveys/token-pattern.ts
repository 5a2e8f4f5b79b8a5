/** A survey link's token: 22 URL-safe characters (128 random bits). No Node import, so the web client can check it. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;
