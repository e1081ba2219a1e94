// The archive benchmark's baseline: a bare Fastify route answering the same JSON the GraphQL archive query answered
// (serialised on every request, as GraphQL does). Usage: tsx bare.mts <json file> <port>.
import fs from 'node:fs';
import Fastify from 'fastify';

const body = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const app = Fastify({ logger: false });
app.get('/archive', async () => body);
await app.listen({ port: Number(process.argv[3]), host: '127.0.0.1' });
console.log('bare route ready');
