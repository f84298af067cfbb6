// Throwing a plain object.
throw { code: 42, reason: "plain object" };
