import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '#libs/contracts';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') username: string;
  @Column('text', { name: 'display_name' }) displayName: string;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text', { name: 'password_hash', select: false }) passwordHash: string;
  @Column('text') role: Role;
  @Column('bytea', { name: 'anon_salt', select: false }) anonSalt: Buffer;
  @Column('timestamptz', { name: 'on_duty_until', nullable: true }) onDutyUntil: Date | null;
  @Column('timestamptz', { name: 'break_until', nullable: true }) breakUntil: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'password_changed_at' }) passwordChangedAt: Date;
}
