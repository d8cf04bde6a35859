import type { Document } from 'mongodb';
import { Binary, Decimal128, Double, Int32, Long, ObjectId, Timestamp, UUID } from 'mongodb';

/** An ObjectId from a few hex digits, for readable tests. */
export const oid = (hex: string) => new ObjectId(hex.padStart(24, '0'));

/** Two documents of every BSON type a field commonly holds, as the driver reads them. */
export const USERS: Document[] = [
  {
    _id: oid('1'),
    email: 'ada@example.com',
    age: new Int32(36),
    visits: Long.fromNumber(12),
    score: new Double(9.5),
    balance: Decimal128.fromString('10.25'),
    active: true,
    createdAt: new Date('2024-01-02T03:04:05.678Z'),
    token: new UUID('0b5b1e2a-8c4e-4c59-9d43-6d1c3c0e9a11'),
    avatar: new Binary(new Uint8Array([1, 2, 3])),
    address: { city: 'London', zip: 'N1' },
    tags: ['admin', 'early'],
    oplog: new Timestamp({ t: 1_700_000_000, i: 1 }),
    rank: new Int32(1),
    nickname: null,
  },
  {
    _id: oid('2'),
    email: 'bob@example.com',
    age: new Int32(41),
    visits: Long.fromNumber(3),
    score: new Double(7),
    balance: Decimal128.fromString('0'),
    active: false,
    createdAt: new Date('2024-02-03T00:00:00.000Z'),
    token: new UUID('5f2a3c1e-1111-4c59-9d43-6d1c3c0e9a11'),
    avatar: new Binary(new Uint8Array([4])),
    address: { city: 'Paris' },
    tags: [],
    oplog: new Timestamp({ t: 1_700_000_001, i: 2 }),
    rank: 'gold',
    nickname: 'bobby',
    lastLogin: new Date('2024-03-01T00:00:00.000Z'),
  },
];
